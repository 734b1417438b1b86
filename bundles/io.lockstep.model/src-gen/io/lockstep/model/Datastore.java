/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model;

import org.eclipse.emf.common.util.EList;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Datastore</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.lockstep.model.Datastore#getMediumUri <em>Medium Uri</em>}</li>
 *   <li>{@link io.lockstep.model.Datastore#getCapacityBytes <em>Capacity Bytes</em>}</li>
 *   <li>{@link io.lockstep.model.Datastore#getSectorSize <em>Sector Size</em>}</li>
 *   <li>{@link io.lockstep.model.Datastore#getHosts <em>Hosts</em>}</li>
 *   <li>{@link io.lockstep.model.Datastore#getDisks <em>Disks</em>}</li>
 *   <li>{@link io.lockstep.model.Datastore#getLeases <em>Leases</em>}</li>
 *   <li>{@link io.lockstep.model.Datastore#getRegistrations <em>Registrations</em>}</li>
 *   <li>{@link io.lockstep.model.Datastore#getReservation <em>Reservation</em>}</li>
 * </ul>
 *
 * @see io.lockstep.model.LockstepPackage#getDatastore()
 * @model annotation="http://www.eclipse.org/emf/2002/Ecore constraints='uniqueDiskNames'"
 * @generated
 */
public interface Datastore extends Named {
	/**
	 * Returns the value of the '<em><b>Medium Uri</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Medium Uri</em>' attribute.
	 * @see #setMediumUri(String)
	 * @see io.lockstep.model.LockstepPackage#getDatastore_MediumUri()
	 * @model
	 * @generated
	 */
	String getMediumUri();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Datastore#getMediumUri <em>Medium Uri</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Medium Uri</em>' attribute.
	 * @see #getMediumUri()
	 * @generated
	 */
	void setMediumUri(String value);

	/**
	 * Returns the value of the '<em><b>Capacity Bytes</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Capacity Bytes</em>' attribute.
	 * @see #setCapacityBytes(long)
	 * @see io.lockstep.model.LockstepPackage#getDatastore_CapacityBytes()
	 * @model
	 * @generated
	 */
	long getCapacityBytes();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Datastore#getCapacityBytes <em>Capacity Bytes</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Capacity Bytes</em>' attribute.
	 * @see #getCapacityBytes()
	 * @generated
	 */
	void setCapacityBytes(long value);

	/**
	 * Returns the value of the '<em><b>Sector Size</b></em>' attribute.
	 * The default value is <code>"512"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Sector Size</em>' attribute.
	 * @see #setSectorSize(int)
	 * @see io.lockstep.model.LockstepPackage#getDatastore_SectorSize()
	 * @model default="512"
	 * @generated
	 */
	int getSectorSize();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Datastore#getSectorSize <em>Sector Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Sector Size</em>' attribute.
	 * @see #getSectorSize()
	 * @generated
	 */
	void setSectorSize(int value);

	/**
	 * Returns the value of the '<em><b>Hosts</b></em>' reference list.
	 * The list contents are of type {@link io.lockstep.model.Host}.
	 * It is bidirectional and its opposite is '{@link io.lockstep.model.Host#getDatastores <em>Datastores</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Hosts</em>' reference list.
	 * @see io.lockstep.model.LockstepPackage#getDatastore_Hosts()
	 * @see io.lockstep.model.Host#getDatastores
	 * @model opposite="datastores"
	 * @generated
	 */
	EList<Host> getHosts();

	/**
	 * Returns the value of the '<em><b>Disks</b></em>' containment reference list.
	 * The list contents are of type {@link io.lockstep.model.VirtualDisk}.
	 * It is bidirectional and its opposite is '{@link io.lockstep.model.VirtualDisk#getDatastore <em>Datastore</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Disks</em>' containment reference list.
	 * @see io.lockstep.model.LockstepPackage#getDatastore_Disks()
	 * @see io.lockstep.model.VirtualDisk#getDatastore
	 * @model opposite="datastore" containment="true"
	 * @generated
	 */
	EList<VirtualDisk> getDisks();

	/**
	 * Returns the value of the '<em><b>Leases</b></em>' containment reference list.
	 * The list contents are of type {@link io.lockstep.model.Lease}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Leases</em>' containment reference list.
	 * @see io.lockstep.model.LockstepPackage#getDatastore_Leases()
	 * @model containment="true"
	 * @generated
	 */
	EList<Lease> getLeases();

	/**
	 * Returns the value of the '<em><b>Registrations</b></em>' containment reference list.
	 * The list contents are of type {@link io.lockstep.model.Registration}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Registrations</em>' containment reference list.
	 * @see io.lockstep.model.LockstepPackage#getDatastore_Registrations()
	 * @model containment="true"
	 * @generated
	 */
	EList<Registration> getRegistrations();

	/**
	 * Returns the value of the '<em><b>Reservation</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Reservation</em>' containment reference.
	 * @see #setReservation(Reservation)
	 * @see io.lockstep.model.LockstepPackage#getDatastore_Reservation()
	 * @model containment="true"
	 * @generated
	 */
	Reservation getReservation();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Datastore#getReservation <em>Reservation</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Reservation</em>' containment reference.
	 * @see #getReservation()
	 * @generated
	 */
	void setReservation(Reservation value);

} // Datastore
