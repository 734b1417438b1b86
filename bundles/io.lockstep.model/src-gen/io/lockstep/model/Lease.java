/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Lease</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.lockstep.model.Lease#getEntity <em>Entity</em>}</li>
 *   <li>{@link io.lockstep.model.Lease#getOwner <em>Owner</em>}</li>
 *   <li>{@link io.lockstep.model.Lease#getMode <em>Mode</em>}</li>
 *   <li>{@link io.lockstep.model.Lease#getGeneration <em>Generation</em>}</li>
 *   <li>{@link io.lockstep.model.Lease#getAcquiredAt <em>Acquired At</em>}</li>
 *   <li>{@link io.lockstep.model.Lease#getHeartbeatAgeMillis <em>Heartbeat Age Millis</em>}</li>
 *   <li>{@link io.lockstep.model.Lease#isOwnerLive <em>Owner Live</em>}</li>
 * </ul>
 *
 * @see io.lockstep.model.LockstepPackage#getLease()
 * @model
 * @generated
 */
public interface Lease extends EObject {
	/**
	 * Returns the value of the '<em><b>Entity</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Entity</em>' attribute.
	 * @see #setEntity(String)
	 * @see io.lockstep.model.LockstepPackage#getLease_Entity()
	 * @model required="true"
	 * @generated
	 */
	String getEntity();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Lease#getEntity <em>Entity</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Entity</em>' attribute.
	 * @see #getEntity()
	 * @generated
	 */
	void setEntity(String value);

	/**
	 * Returns the value of the '<em><b>Owner</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Owner</em>' reference.
	 * @see #setOwner(Host)
	 * @see io.lockstep.model.LockstepPackage#getLease_Owner()
	 * @model
	 * @generated
	 */
	Host getOwner();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Lease#getOwner <em>Owner</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Owner</em>' reference.
	 * @see #getOwner()
	 * @generated
	 */
	void setOwner(Host value);

	/**
	 * Returns the value of the '<em><b>Mode</b></em>' attribute.
	 * The literals are from the enumeration {@link io.lockstep.model.LockMode}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Mode</em>' attribute.
	 * @see io.lockstep.model.LockMode
	 * @see #setMode(LockMode)
	 * @see io.lockstep.model.LockstepPackage#getLease_Mode()
	 * @model
	 * @generated
	 */
	LockMode getMode();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Lease#getMode <em>Mode</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Mode</em>' attribute.
	 * @see io.lockstep.model.LockMode
	 * @see #getMode()
	 * @generated
	 */
	void setMode(LockMode value);

	/**
	 * Returns the value of the '<em><b>Generation</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Generation</em>' attribute.
	 * @see #setGeneration(long)
	 * @see io.lockstep.model.LockstepPackage#getLease_Generation()
	 * @model
	 * @generated
	 */
	long getGeneration();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Lease#getGeneration <em>Generation</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Generation</em>' attribute.
	 * @see #getGeneration()
	 * @generated
	 */
	void setGeneration(long value);

	/**
	 * Returns the value of the '<em><b>Acquired At</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Acquired At</em>' attribute.
	 * @see #setAcquiredAt(long)
	 * @see io.lockstep.model.LockstepPackage#getLease_AcquiredAt()
	 * @model
	 * @generated
	 */
	long getAcquiredAt();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Lease#getAcquiredAt <em>Acquired At</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Acquired At</em>' attribute.
	 * @see #getAcquiredAt()
	 * @generated
	 */
	void setAcquiredAt(long value);

	/**
	 * Returns the value of the '<em><b>Heartbeat Age Millis</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Heartbeat Age Millis</em>' attribute.
	 * @see #setHeartbeatAgeMillis(long)
	 * @see io.lockstep.model.LockstepPackage#getLease_HeartbeatAgeMillis()
	 * @model
	 * @generated
	 */
	long getHeartbeatAgeMillis();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Lease#getHeartbeatAgeMillis <em>Heartbeat Age Millis</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Heartbeat Age Millis</em>' attribute.
	 * @see #getHeartbeatAgeMillis()
	 * @generated
	 */
	void setHeartbeatAgeMillis(long value);

	/**
	 * Returns the value of the '<em><b>Owner Live</b></em>' attribute.
	 * The default value is <code>"true"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Owner Live</em>' attribute.
	 * @see #setOwnerLive(boolean)
	 * @see io.lockstep.model.LockstepPackage#getLease_OwnerLive()
	 * @model default="true"
	 * @generated
	 */
	boolean isOwnerLive();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Lease#isOwnerLive <em>Owner Live</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Owner Live</em>' attribute.
	 * @see #isOwnerLive()
	 * @generated
	 */
	void setOwnerLive(boolean value);

} // Lease
