/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model;


/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Checkpoint</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.lockstep.model.Checkpoint#getId <em>Id</em>}</li>
 *   <li>{@link io.lockstep.model.Checkpoint#getTime <em>Time</em>}</li>
 *   <li>{@link io.lockstep.model.Checkpoint#getSizeBytes <em>Size Bytes</em>}</li>
 *   <li>{@link io.lockstep.model.Checkpoint#getState <em>State</em>}</li>
 *   <li>{@link io.lockstep.model.Checkpoint#getProgress <em>Progress</em>}</li>
 *   <li>{@link io.lockstep.model.Checkpoint#getParent <em>Parent</em>}</li>
 * </ul>
 *
 * @see io.lockstep.model.LockstepPackage#getCheckpoint()
 * @model
 * @generated
 */
public interface Checkpoint extends Named {
	/**
	 * Returns the value of the '<em><b>Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Id</em>' attribute.
	 * @see #setId(int)
	 * @see io.lockstep.model.LockstepPackage#getCheckpoint_Id()
	 * @model
	 * @generated
	 */
	int getId();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Checkpoint#getId <em>Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Id</em>' attribute.
	 * @see #getId()
	 * @generated
	 */
	void setId(int value);

	/**
	 * Returns the value of the '<em><b>Time</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Time</em>' attribute.
	 * @see #setTime(long)
	 * @see io.lockstep.model.LockstepPackage#getCheckpoint_Time()
	 * @model
	 * @generated
	 */
	long getTime();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Checkpoint#getTime <em>Time</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Time</em>' attribute.
	 * @see #getTime()
	 * @generated
	 */
	void setTime(long value);

	/**
	 * Returns the value of the '<em><b>Size Bytes</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Size Bytes</em>' attribute.
	 * @see #setSizeBytes(long)
	 * @see io.lockstep.model.LockstepPackage#getCheckpoint_SizeBytes()
	 * @model
	 * @generated
	 */
	long getSizeBytes();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Checkpoint#getSizeBytes <em>Size Bytes</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Size Bytes</em>' attribute.
	 * @see #getSizeBytes()
	 * @generated
	 */
	void setSizeBytes(long value);

	/**
	 * Returns the value of the '<em><b>State</b></em>' attribute.
	 * The literals are from the enumeration {@link io.lockstep.model.CheckpointState}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>State</em>' attribute.
	 * @see io.lockstep.model.CheckpointState
	 * @see #setState(CheckpointState)
	 * @see io.lockstep.model.LockstepPackage#getCheckpoint_State()
	 * @model
	 * @generated
	 */
	CheckpointState getState();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Checkpoint#getState <em>State</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>State</em>' attribute.
	 * @see io.lockstep.model.CheckpointState
	 * @see #getState()
	 * @generated
	 */
	void setState(CheckpointState value);

	/**
	 * Returns the value of the '<em><b>Progress</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Progress</em>' attribute.
	 * @see #setProgress(double)
	 * @see io.lockstep.model.LockstepPackage#getCheckpoint_Progress()
	 * @model
	 * @generated
	 */
	double getProgress();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Checkpoint#getProgress <em>Progress</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Progress</em>' attribute.
	 * @see #getProgress()
	 * @generated
	 */
	void setProgress(double value);

	/**
	 * Returns the value of the '<em><b>Parent</b></em>' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Parent</em>' reference.
	 * @see #setParent(Checkpoint)
	 * @see io.lockstep.model.LockstepPackage#getCheckpoint_Parent()
	 * @model
	 * @generated
	 */
	Checkpoint getParent();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Checkpoint#getParent <em>Parent</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Parent</em>' reference.
	 * @see #getParent()
	 * @generated
	 */
	void setParent(Checkpoint value);

} // Checkpoint
