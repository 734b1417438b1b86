/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Ft Pair</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.lockstep.model.FtPair#getPrimary <em>Primary</em>}</li>
 *   <li>{@link io.lockstep.model.FtPair#getPrimaryHost <em>Primary Host</em>}</li>
 *   <li>{@link io.lockstep.model.FtPair#getBackupHost <em>Backup Host</em>}</li>
 *   <li>{@link io.lockstep.model.FtPair#getMode <em>Mode</em>}</li>
 *   <li>{@link io.lockstep.model.FtPair#getEpochMillis <em>Epoch Millis</em>}</li>
 *   <li>{@link io.lockstep.model.FtPair#getTargetLagMillis <em>Target Lag Millis</em>}</li>
 *   <li>{@link io.lockstep.model.FtPair#getState <em>State</em>}</li>
 *   <li>{@link io.lockstep.model.FtPair#getStatistics <em>Statistics</em>}</li>
 * </ul>
 *
 * @see io.lockstep.model.LockstepPackage#getFtPair()
 * @model annotation="http://www.eclipse.org/emf/2002/Ecore constraints='differentHosts hostsMountDiskDatastores'"
 * @generated
 */
public interface FtPair extends EObject {
	/**
	 * Returns the value of the '<em><b>Primary</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Primary</em>' reference.
	 * @see #setPrimary(VirtualMachine)
	 * @see io.lockstep.model.LockstepPackage#getFtPair_Primary()
	 * @model required="true"
	 * @generated
	 */
	VirtualMachine getPrimary();

	/**
	 * Sets the value of the '{@link io.lockstep.model.FtPair#getPrimary <em>Primary</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Primary</em>' reference.
	 * @see #getPrimary()
	 * @generated
	 */
	void setPrimary(VirtualMachine value);

	/**
	 * Returns the value of the '<em><b>Primary Host</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Primary Host</em>' reference.
	 * @see #setPrimaryHost(Host)
	 * @see io.lockstep.model.LockstepPackage#getFtPair_PrimaryHost()
	 * @model required="true"
	 * @generated
	 */
	Host getPrimaryHost();

	/**
	 * Sets the value of the '{@link io.lockstep.model.FtPair#getPrimaryHost <em>Primary Host</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Primary Host</em>' reference.
	 * @see #getPrimaryHost()
	 * @generated
	 */
	void setPrimaryHost(Host value);

	/**
	 * Returns the value of the '<em><b>Backup Host</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Backup Host</em>' reference.
	 * @see #setBackupHost(Host)
	 * @see io.lockstep.model.LockstepPackage#getFtPair_BackupHost()
	 * @model required="true"
	 * @generated
	 */
	Host getBackupHost();

	/**
	 * Sets the value of the '{@link io.lockstep.model.FtPair#getBackupHost <em>Backup Host</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Backup Host</em>' reference.
	 * @see #getBackupHost()
	 * @generated
	 */
	void setBackupHost(Host value);

	/**
	 * Returns the value of the '<em><b>Mode</b></em>' attribute.
	 * The literals are from the enumeration {@link io.lockstep.model.FtMode}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Mode</em>' attribute.
	 * @see io.lockstep.model.FtMode
	 * @see #setMode(FtMode)
	 * @see io.lockstep.model.LockstepPackage#getFtPair_Mode()
	 * @model
	 * @generated
	 */
	FtMode getMode();

	/**
	 * Sets the value of the '{@link io.lockstep.model.FtPair#getMode <em>Mode</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Mode</em>' attribute.
	 * @see io.lockstep.model.FtMode
	 * @see #getMode()
	 * @generated
	 */
	void setMode(FtMode value);

	/**
	 * Returns the value of the '<em><b>Epoch Millis</b></em>' attribute.
	 * The default value is <code>"25"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Epoch Millis</em>' attribute.
	 * @see #setEpochMillis(int)
	 * @see io.lockstep.model.LockstepPackage#getFtPair_EpochMillis()
	 * @model default="25"
	 * @generated
	 */
	int getEpochMillis();

	/**
	 * Sets the value of the '{@link io.lockstep.model.FtPair#getEpochMillis <em>Epoch Millis</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Epoch Millis</em>' attribute.
	 * @see #getEpochMillis()
	 * @generated
	 */
	void setEpochMillis(int value);

	/**
	 * Returns the value of the '<em><b>Target Lag Millis</b></em>' attribute.
	 * The default value is <code>"50"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Target Lag Millis</em>' attribute.
	 * @see #setTargetLagMillis(int)
	 * @see io.lockstep.model.LockstepPackage#getFtPair_TargetLagMillis()
	 * @model default="50"
	 * @generated
	 */
	int getTargetLagMillis();

	/**
	 * Sets the value of the '{@link io.lockstep.model.FtPair#getTargetLagMillis <em>Target Lag Millis</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Target Lag Millis</em>' attribute.
	 * @see #getTargetLagMillis()
	 * @generated
	 */
	void setTargetLagMillis(int value);

	/**
	 * Returns the value of the '<em><b>State</b></em>' attribute.
	 * The literals are from the enumeration {@link io.lockstep.model.FtState}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>State</em>' attribute.
	 * @see io.lockstep.model.FtState
	 * @see #setState(FtState)
	 * @see io.lockstep.model.LockstepPackage#getFtPair_State()
	 * @model
	 * @generated
	 */
	FtState getState();

	/**
	 * Sets the value of the '{@link io.lockstep.model.FtPair#getState <em>State</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>State</em>' attribute.
	 * @see io.lockstep.model.FtState
	 * @see #getState()
	 * @generated
	 */
	void setState(FtState value);

	/**
	 * Returns the value of the '<em><b>Statistics</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Statistics</em>' containment reference.
	 * @see #setStatistics(FtStatistics)
	 * @see io.lockstep.model.LockstepPackage#getFtPair_Statistics()
	 * @model containment="true"
	 * @generated
	 */
	FtStatistics getStatistics();

	/**
	 * Sets the value of the '{@link io.lockstep.model.FtPair#getStatistics <em>Statistics</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Statistics</em>' containment reference.
	 * @see #getStatistics()
	 * @generated
	 */
	void setStatistics(FtStatistics value);

} // FtPair
